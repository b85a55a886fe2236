/** Typed wrapper around runtime.sendMessage: the request type fixes the response type. */
import browser from 'webextension-polyfill';
import type { MessageType, RequestOf, ResponseOf } from '../core/messages.ts';

export function sendMessage<T extends MessageType>(message: RequestOf<T> & { type: T }): Promise<ResponseOf<T>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf<T>>;
}
