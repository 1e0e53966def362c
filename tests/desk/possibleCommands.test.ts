// The actions a case view offers: narrowed by status and by a dry run of the shared decide for this user.
import { describe, expect, it } from 'vitest';
import { possibleCommands } from '../../electron/desk/requests/possibleCommands';
import { acceptedCase, answeredCase, sentCase, T0 } from '../../shared/testkit/world.testkit';

const typesOf = (list: ReturnType<typeof possibleCommands>) => list.map((c) => c.type);

describe('possibleCommands', () => {
  it('offers acceptance to the responding handler and not to the requesting one', () => {
    const { w, c } = sentCase();
    expect(typesOf(possibleCommands(c, w.actor('hu-ca:handler'), T0, w.env))).toContain('acceptRequest');
    const requester = typesOf(possibleCommands(c, w.actor('it-ca:handler'), T0, w.env));
    expect(requester).not.toContain('acceptRequest');
    expect(requester).toContain('withdrawRequest');
  });

  it('offers nothing that changes the case to a viewer', () => {
    const { w, c } = sentCase();
    const viewer = typesOf(possibleCommands(c, w.actor('hu-ca:viewer'), T0, w.env));
    expect(viewer).not.toContain('acceptRequest');
    expect(viewer).not.toContain('refuseRequest');
  });

  it('offers sendReply with the reason it cannot go yet while questions are unanswered', () => {
    const { w, c } = acceptedCase();
    const sendReply = possibleCommands(c, w.actor('hu-ca:handler'), T0, w.env).find((p) => p.type === 'sendReply');
    expect(sendReply?.rejection?.reason).toBe('UNANSWERED_QUESTIONS');
  });

  it('offers closure to the requester of an answered request, ready as it stands', () => {
    const { w, c } = answeredCase();
    expect(possibleCommands(c, w.actor('it-ca:handler'), T0, w.env)).toContainEqual({ type: 'closeRequest', rejection: null });
  });
});
