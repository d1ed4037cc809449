/** One server-sent event as a client parses it (comments are kept, as heartbeats). */
export interface ReceivedEvent {
  event: string;
  data: string;
  comment?: string;
}

/**
 * A minimal `EventSource` for tests: reads a fetch response body and yields each event
 * (and each comment line) as it arrives, until the server ends the stream.
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ReceivedEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ReceivedEvent = { event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) event.comment = line.slice(1).trim();
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) event.data += line.slice(6);
      }
      if (event.comment !== undefined || event.data !== '') yield event;
    }
  }
}
