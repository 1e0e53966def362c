// The hub's organisation certificate and key for certified reports: loaded from the configured PKCS#12 file, or
// for the demo a self-signed "IMI Hub (demo)" certificate generated at first start, saved as a P12 and reused.
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface OrganisationCertificate {
  /** The certificate exactly as issued (DER): it is embedded in and hashed into every signature. */
  certificateDer: Buffer;
  privateKey: KeyObject;
  /** The subject's common name, for logs and the signature dictionary's /Name. */
  commonName: string;
}

export type CertificateRefusal = { ok: false; code: 'P12_UNREADABLE' | 'P12_WRONG_PASSPHRASE' | 'P12_INCOMPLETE'; message: string };
export type CertificateOutcome = { ok: true; certificate: OrganisationCertificate } | CertificateRefusal;

export const DEMO_COMMON_NAME = 'IMI Hub (demo)';
/** The demo P12's passphrase when none is configured: the demo key protects nothing of value. */
export const DEMO_P12_PASSPHRASE = 'imi-hub-demo';
const DEMO_VALIDITY_YEARS = 10;

// forge's typings leave its OID table's entries possibly undefined; these three are always there.
const OIDS = {
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

/** Reads the certificate and key of a PKCS#12 file's first key/certificate pair. */
export function parseP12(p12: Buffer, passphrase: string): CertificateOutcome {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(der, passphrase);
  } catch (error) {
    // forge tells a wrong passphrase only by its message; anything else is a damaged or foreign file.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: /password|mac/i.test(message) ? 'P12_WRONG_PASSPHRASE' : 'P12_UNREADABLE', message };
  }
  const keyBag = [...bagsOf(parsed, OIDS.pkcs8ShroudedKeyBag), ...bagsOf(parsed, OIDS.keyBag)].find((b) => b.key);
  const certBags = bagsOf(parsed, OIDS.certBag);
  if (!keyBag?.key) return { ok: false, code: 'P12_INCOMPLETE', message: 'the P12 holds no private key' };
  const privatePem = forge.pki.privateKeyToPem(keyBag.key);
  const publicPem = forge.pki.publicKeyToPem(forge.pki.setRsaPublicKey((keyBag.key as forge.pki.rsa.PrivateKey).n, (keyBag.key as forge.pki.rsa.PrivateKey).e));
  // A P12 may carry the chain too: the signing certificate is the one whose public key matches the key.
  const own = certBags.find((b) => b.cert && forge.pki.publicKeyToPem(b.cert.publicKey) === publicPem)?.cert;
  if (!own) return { ok: false, code: 'P12_INCOMPLETE', message: 'the P12 holds no certificate for its key' };
  const cn = own.subject.getField('CN') as { value?: string } | null;
  return {
    ok: true,
    certificate: {
      certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(own)).getBytes(), 'binary'),
      privateKey: createPrivateKey(privatePem),
      commonName: cn?.value ?? 'IMI Hub',
    },
  };
}

/** A new self-signed RSA-3072 certificate for the demo hub, as a P12 file's bytes. */
export function generateDemoP12(passphrase: string, now: Date): Buffer {
  // Node generates the key (forge's pure-JS RSA-3072 key generation takes many seconds); forge writes the certificate and P12.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial of 16 random bytes (the leading 0 keeps the INTEGER from reading as negative).
  cert.serialNumber = `00${randomBytes(16).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + DEMO_VALIDITY_YEARS);
  const name = [
    { name: 'commonName', value: DEMO_COMMON_NAME },
    { name: 'organizationName', value: DEMO_COMMON_NAME },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: 'aes256', friendlyName: DEMO_COMMON_NAME, generateLocalKeyId: true });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

export interface CertificateSource {
  /** A configured organisation P12; wins over the demo. */
  p12Path: string | null;
  passphrase: string;
  /** Where the demo certificate is kept between starts; null = a new one in memory each start (tests). */
  demoP12Path: string | null;
  now: Date;
}

/** The configured certificate, or the demo one (generated and saved on first use). */
export function loadOrganisationCertificate(source: CertificateSource): CertificateOutcome & { generated?: boolean } {
  if (source.p12Path !== null) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(source.p12Path);
    } catch (error) {
      return { ok: false, code: 'P12_UNREADABLE', message: `cannot read ${source.p12Path}: ${error instanceof Error ? error.message : String(error)}` };
    }
    return parseP12(bytes, source.passphrase);
  }
  const passphrase = source.passphrase === '' ? DEMO_P12_PASSPHRASE : source.passphrase;
  if (source.demoP12Path === null) return { ...parseP12(generateDemoP12(passphrase, source.now), passphrase), generated: true };
  try {
    return parseP12(readFileSync(source.demoP12Path), passphrase);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const p12 = generateDemoP12(passphrase, source.now);
  mkdirSync(path.dirname(source.demoP12Path), { recursive: true });
  // Write then rename, so a crash at first start never leaves half a P12 that every later start would refuse.
  const temp = `${source.demoP12Path}.${process.pid}.tmp`;
  writeFileSync(temp, p12, { mode: 0o600 });
  renameSync(temp, source.demoP12Path);
  return { ...parseP12(p12, passphrase), generated: true };
}
