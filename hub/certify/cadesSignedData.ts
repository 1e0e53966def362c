// A detached CMS SignedData for a PAdES baseline B-B signature (ETSI EN 319 122-1 / 319 142-1): signed attributes
// content-type, message-digest and signing-certificate-v2 only — no signing-time, whose place in PAdES is the
// signature dictionary's /M. Written with node-forge's ASN.1 because its PKCS#7 signer always adds signing-time
// (as does @signpdf/signer-p12) and cannot add signing-certificate-v2; the RSA signature itself is Node's.
import { createHash, sign } from 'node:crypto';
import forge from 'node-forge';
import type { OrganisationCertificate } from './organisationCertificate';

const { asn1 } = forge;
const C = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const oid = (value: string) => asn1.create(C, T.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer) => asn1.create(C, T.OCTETSTRING, false, bytes.toString('binary'));
const seq = (items: forge.asn1.Asn1[]) => asn1.create(C, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(C, T.SET, true, items);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const fromDer = (bytes: Buffer) => asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
/** SHA-256's AlgorithmIdentifier with absent parameters, as RFC 5754 asks. */
const sha256Algorithm = () => seq([oid(OID.sha256)]);

/** The certificate's issuer Name and serial number, taken from its own encoding so the bytes match exactly. */
function issuerAndSerial(certificateDer: Buffer): forge.asn1.Asn1 {
  const tbs = (fromDer(certificateDer).value as forge.asn1.Asn1[])[0];
  const fields = (tbs?.value ?? []) as forge.asn1.Asn1[];
  // TBSCertificate starts with an optional [0] version.
  const start = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[start];
  const issuer = fields[start + 2];
  if (!serial || !issuer) throw new Error('the certificate has no issuer or serial number');
  return seq([issuer, serial]);
}

function attribute(type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return seq([oid(type), set([value])]);
}

/**
 * DER orders the members of a SET OF by their encodings; forge keeps insertion order, so sort here, or the
 * signed bytes a verifier re-encodes would differ from the ones we signed.
 */
function derSetOf(items: forge.asn1.Asn1[]): { node: forge.asn1.Asn1; encoded: Buffer } {
  const sorted = items.map((item) => ({ item, bytes: der(item) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const node = set(sorted.map((s) => s.item));
  return { node, encoded: der(node) };
}

/** The CMS (DER) signing the given content detached: the bytes of the PDF's /ByteRange. */
export function cadesDetachedSignature(content: Buffer, certificate: OrganisationCertificate): Buffer {
  const certificateNode = fromDer(certificate.certificateDer);
  // ESSCertIDv2 with SHA-256, the DEFAULT hashAlgorithm, which DER therefore leaves out; issuerSerial is optional and omitted.
  const essCertIdV2 = seq([octets(createHash('sha256').update(certificate.certificateDer).digest())]);
  const signedAttributes = derSetOf([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq([seq([essCertIdV2])])),
  ]);
  // The signature covers the attributes encoded as a SET (tag 0x31); in SignerInfo they travel as [0] IMPLICIT.
  const signature = sign('sha256', signedAttributes.encoded, certificate.privateKey);
  const signedAttrsImplicit = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes.node.value as forge.asn1.Asn1[]);
  const signerInfo = seq([
    asn1.create(C, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    issuerAndSerial(certificate.certificateDer),
    sha256Algorithm(),
    signedAttrsImplicit,
    seq([oid(OID.sha256WithRSAEncryption), asn1.create(C, T.NULL, false, '')]),
    octets(signature),
  ]);
  const signedData = seq([
    asn1.create(C, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    set([sha256Algorithm()]),
    // Detached: the encapsulated content has a type and no content.
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [certificateNode]),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
