/**
 * A WebSocket echo endpoint for the fixture server (Node 20 has a WebSocket client but no
 * server): the RFC 6455 opening handshake, then every data frame sent back as it came (text or
 * binary, fragments included, unmasked as a server must), ping answered with pong, and a close
 * frame echoed with the same code and reason before the server ends the connection, so the
 * browser sees a clean close. No extensions are accepted (permessage-deflate stays off).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FixtureServer } from './fixture-server.ts';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
  /** Bytes the frame took in the input. */
  size: number;
}

/**
 * Echoes WebSocket connections to `host` + `path` (query ignored), on http and https (ws:, wss:).
 * The first sub-protocol the client offers is accepted, so `ws.protocol` is predictable.
 */
export function attachWebSocketEcho(server: FixtureServer, host: string, path: string): void {
  server.onUpgrade((req, socket, head) => {
    const reqHost = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (reqHost !== host || (req.url ?? '/').split('?')[0] !== path) return false;
    if (!handshake(req, socket)) return true;
    let pending = Buffer.from(head);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let frame = readFrame(pending); frame; frame = readFrame(pending)) {
        pending = pending.subarray(frame.size);
        if (frame.opcode === OP_PONG) continue;
        if (frame.opcode === OP_PING) socket.write(encodeFrame(true, OP_PONG, frame.payload));
        else if (frame.opcode === OP_CLOSE) return void socket.end(encodeFrame(true, OP_CLOSE, frame.payload));
        else socket.write(encodeFrame(frame.fin, frame.opcode, frame.payload));
      }
    });
    return true;
  });
}

function handshake(req: IncomingMessage, socket: Duplex): boolean {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    return false;
  }
  const accept = createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
  const protocol = req.headers['sec-websocket-protocol']?.split(',')[0]?.trim();
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`];
  if (protocol) lines.push(`Sec-WebSocket-Protocol: ${protocol}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  return true;
}

/** One complete frame at the start of `data`, or undefined while more bytes are needed. */
function readFrame(data: Buffer): Frame | undefined {
  if (data.length < 2) return undefined;
  const first = data[0]!;
  const second = data[1]!;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (second & 0x80) !== 0;
  const mask = masked ? data.subarray(offset, offset + 4) : undefined;
  if (masked) offset += 4;
  if (data.length < offset + length) return undefined;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload, size: offset + length };
}

function encodeFrame(fin: boolean, opcode: number, payload: Buffer): Buffer {
  const first = (fin ? 0x80 : 0) | opcode;
  let header: Buffer;
  if (payload.length < 126) {
    header = Buffer.from([first, payload.length]);
  } else if (payload.length < 0x10000) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}
