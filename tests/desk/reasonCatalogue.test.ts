// Every stable reason the desk's local API can answer with — its own (DeskReason) and the hub's, passed through
// (HubReason) — has an English sentence in the reasons catalogue the renderer shows (`reasons.<CODE>`).
import { describe, expect, it } from 'vitest';
import english from '../../resources/i18n/reasons/en.json' with { type: 'json' };
import { DeskReason } from '../../electron/desk/api/deskErrors';
import { HubReason } from '../../hub/errors';

const sentences = english as Record<string, string>;

describe('the reasons catalogue', () => {
  it.each([
    ['desk', DeskReason.options],
    ['hub', HubReason.options],
  ])('has an English sentence for every %s reason', (_side, codes) => {
    expect(codes.filter((code) => !sentences[code]?.trim())).toEqual([]);
  });
});
