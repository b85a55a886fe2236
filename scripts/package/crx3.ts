/**
 * Writes a CRX3 file, the signed package Chrome and Edge install from an update server. The format
 * is Chromium's components/crx_file/crx3.proto, checked by crx_verifier.cc:
 *
 *   "Cr24" | uint32le 3 | uint32le N | CrxFileHeader (N bytes of protobuf) | zip
 *
 * CrxFileHeader holds one sha256_with_rsa proof (field 2: public_key = 1, signature = 2) and
 * signed_header_data (field 10000), the bytes of a SignedData whose crx_id (field 1) is the first
 * 16 bytes of SHA-256 of the public key. The signature is RSA PKCS#1 v1.5 with SHA-256 over
 * "CRX3 SignedData\0" | uint32le len(signed_header_data) | signed_header_data | zip.
 * A few lines of protobuf here are simpler than a protobuf library and a .proto file.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';

const MAGIC = Buffer.from('Cr24', 'ascii');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2): key, length, bytes. */
function bytesField(field: number, value: Uint8Array): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(value.length), value]);
}

function uint32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

/** The DER SubjectPublicKeyInfo of a PEM private key, the form the CRX header and the ID use. */
export function publicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
}

/** The extension ID of a public key: the first 16 bytes of its SHA-256, each hex digit 0-f written a-p. */
export function extensionIdOf(spkiDer: Uint8Array): string {
  const hex = createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/** Reads a PEM RSA private key (PKCS#8 or PKCS#1); Chromium's RSA proofs need RSA. */
export function readPrivateKey(pem: string | Buffer): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the CRX key must be an RSA key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/** The CRX3 file of `zip` signed with `privateKey` (RSA PKCS#1 v1.5 signatures are deterministic). */
export function crx3(zip: Uint8Array, privateKey: KeyObject): Buffer {
  const spki = publicKeyDer(privateKey);
  const crxId = createHash('sha256').update(spki).digest().subarray(0, 16);
  const signedHeaderData = bytesField(1, crxId);
  const signature = sign('sha256', Buffer.concat([SIGNATURE_CONTEXT, uint32le(signedHeaderData.length), signedHeaderData, zip]), privateKey);
  const proof = Buffer.concat([bytesField(1, spki), bytesField(2, signature)]);
  const header = Buffer.concat([bytesField(2, proof), bytesField(10000, signedHeaderData)]);
  return Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, zip]);
}
