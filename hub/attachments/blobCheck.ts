// What the command service asks of the blob store before accepting addAttachment: was exactly this content uploaded?
export interface StoredBlob {
  size: number;
  mediaType: string;
}

export interface BlobLookup {
  /** The stored blob with this sha256, or undefined when no complete upload produced it. */
  stat(sha256: string): Promise<StoredBlob | undefined>;
}

/** Until a blob store is wired in, nothing counts as uploaded: addAttachment is refused rather than trusted. */
export const NO_BLOBS: BlobLookup = { stat: async () => undefined };
