// Attachments of a request (SPEC §5.6): the list with languages, size and upload state; opening a file once the
// user may (FULL level) — downloaded on demand and cached by the desk; and adding one (name and its language,
// document language, optional comment; at most 20 MB; programs refused with a clear message, nothing sent).
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { executableByName } from '../../../shared/attachments/executableRule';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import type { FreeText } from '../../../shared/reference/text';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/request/requestCase';
import { reasonOf, reasonText } from '../api/refusals';
import { useTRPC, useTRPCClient } from '../api/trpc';
import { languageName } from '../i18n/displayNames';
import { useFreeTextLanguage } from '../i18n/useFreeTextLanguage';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';
import { FreeTextField } from './JustificationField';

type Client = ReturnType<typeof useTRPCClient>;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands the file to the desk in pieces; the desk queues addAttachment and uploads to the hub when online. */
async function upload(client: Client, file: File, meta: { caseId: string; name: string; nameLanguage: LanguageCode; documentLanguage: LanguageCode; comment: FreeText | null }) {
  const { uploadId, chunkBytes } = await client.attachments.startUpload.mutate({ ...meta, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const piece = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      await client.attachments.appendUpload.mutate({ uploadId, offset, bytes: toBase64(piece) });
    }
    return await client.attachments.finishUpload.mutate({ uploadId });
  } catch (error) {
    // A refusal at finish (e.g. a program found by its content) leaves nothing; an earlier failure is cancelled.
    await client.attachments.cancelUpload.mutate({ uploadId }).catch(() => undefined);
    throw error;
  }
}

/** Downloads the file from the hub once (the desk caches it), reads it in pieces and saves it through the browser. */
async function openAttachment(client: Client, caseId: string, attachmentId: string) {
  const fetched = await client.attachments.fetch.mutate({ caseId, attachmentId });
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, eof = false; !eof;) {
    const piece = await client.attachments.read.query({ caseId, attachmentId, offset });
    const bytes = fromBase64(piece.bytes);
    parts.push(bytes);
    offset += bytes.length;
    eof = piece.eof || bytes.length === 0;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: fetched.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fetched.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface AttachmentsPanelProps {
  caseId: string;
  canAttach: boolean;
  /** Changes when sync brings a new version of the request (e.g. a file the other side attached, or acceptance). */
  caseVersion: string;
}

export function AttachmentsPanel({ caseId, canAttach, caseVersion }: AttachmentsPanelProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  // While a file of ours waits to go to the hub, its state is worth watching.
  const list = useQuery(trpc.attachments.list.queryOptions({ caseId }, {
    refetchInterval: (query) => (query.state.data?.items.some((a) => a.upload?.state === 'queued') ? 3_000 : false),
  }));
  const { refetch } = list;
  useEffect(() => { void refetch(); }, [caseVersion, refetch]);
  const [openError, setOpenError] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: (attachmentId: string) => openAttachment(client, caseId, attachmentId),
    onMutate: () => setOpenError(null),
    onError: (error) => setOpenError(reasonText(t, reasonOf(error))),
  });
  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));

  return (
    <section aria-labelledby="attachments-title">
      <h3 id="attachments-title">{t('attachments.title')}</h3>
      {openError ? <Notice kind="error">{openError}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('attachments.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="attachment-list" aria-label={t('attachments.listLabel')}>
          {list.data.items.map((a) => (
            <li key={a.id} data-testid="attachment">
              <span lang={a.nameLanguage}>{a.name}</span>
              {' '}({t('attachments.documentIn', { language: languageName(a.documentLanguage, i18n.language) })}, {size(a.size)})
              {a.comment ? <span className="attachment-comment" lang={a.comment.language}> — {a.comment.text}</span> : null}
              {a.upload?.state === 'queued' ? <span className="pending-mark"> — {t('attachments.uploadQueued')}</span> : null}
              {a.upload?.state === 'failed' ? <span className="field-error"> — {t('attachments.uploadFailed', { reason: reasonText(t, a.upload.failure ?? 'UNKNOWN') })}</span> : null}
              {a.canOpen ? (
                <Button className="button button-small" onPress={() => open.mutate(a.id)} isPending={open.isPending && open.variables === a.id}
                  aria-label={t('attachments.openNamed', { name: a.name })}>{t('attachments.open')}</Button>
              ) : <span className="closed-attachment"> — {t('attachments.closed')}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {canAttach ? <AddAttachmentForm caseId={caseId} /> : null}
    </section>
  );
}

function AddAttachmentForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const language = useFreeTextLanguage();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [nameLanguage, setNameLanguage] = useState<LanguageCode>(language);
  const [documentLanguage, setDocumentLanguage] = useState<LanguageCode>(language);
  const [comment, setComment] = useState<FreeText>({ text: '', language });
  const [problem, setProblem] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const languages = LANGUAGE_CODES.map((code) => ({ id: code, label: languageName(code, i18n.language) }));

  const add = useMutation({
    mutationFn: (chosen: File) => upload(client, chosen, { caseId, name: name.trim(), nameLanguage, documentLanguage, comment: comment.text.trim() ? comment : null }),
    onSuccess: () => {
      setFile(null); setName(''); setComment({ text: '', language }); setTried(false);
      if (fileInput.current) fileInput.current.value = '';
      void queryClient.invalidateQueries({ queryKey: trpc.attachments.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
    },
    onError: (error) => {
      const reason = reasonOf(error);
      setProblem(reason === 'EXECUTABLE_ATTACHMENT' ? t('attachments.executable', { name: file?.name ?? name })
        : reason === 'ATTACHMENT_TOO_LARGE' ? t('attachments.tooLarge', { name: file?.name ?? name })
          : reasonText(t, reason));
    },
  });

  /** The checks a user should hear before waiting for an upload; the desk and the hub check again. */
  const check = (chosen: File | null): string | null => {
    if (!chosen) return t('attachments.chooseFile');
    if (chosen.size > ATTACHMENT_MAX_BYTES) return t('attachments.tooLarge', { name: chosen.name });
    if (chosen.size === 0) return t('attachments.empty', { name: chosen.name });
    if (executableByName(chosen.name) || executableByName(name)) return t('attachments.executable', { name: chosen.name });
    return null;
  };

  return (
    <Form className="attachment-form" aria-labelledby="add-attachment-title" onSubmit={(event) => {
      event.preventDefault();
      setTried(true);
      const found = check(file);
      setProblem(found);
      if (!found && file && name.trim()) add.mutate(file);
    }}>
      <h4 id="add-attachment-title">{t('attachments.add')}</h4>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {add.isSuccess ? <Notice kind="info">{t('attachments.added')}</Notice> : null}
      <div className="field">
        <label htmlFor="attachment-file">{t('attachments.file')}</label>
        <input id="attachment-file" ref={fileInput} type="file" aria-describedby="attachment-file-help" onChange={(event) => {
          const chosen = event.target.files?.[0] ?? null;
          setFile(chosen);
          if (chosen && !name) setName(chosen.name);
          setProblem(chosen ? check(chosen) : null);
        }} />
        <span id="attachment-file-help" className="field-description">{t('attachments.fileHelp')}</span>
      </div>
      <TextInput label={t('attachments.name')} value={name} onChange={setName} requirement="red" isInvalid={tried && !name.trim()} errorMessage={t('form.required')} maxLength={255} />
      <SelectField label={t('attachments.nameLanguage')} options={languages} value={nameLanguage}
        onChange={(v) => { const p = LanguageCode.safeParse(v); if (p.success) setNameLanguage(p.data); }} />
      <SelectField label={t('attachments.documentLanguage')} options={languages} value={documentLanguage}
        onChange={(v) => { const p = LanguageCode.safeParse(v); if (p.success) setDocumentLanguage(p.data); }} />
      <FreeTextField label={t('attachments.comment')} value={comment} onChange={setComment} />
      <div className="form-actions"><Button type="submit" className="button" isPending={add.isPending}>{t('attachments.submit')}</Button></div>
    </Form>
  );
}
