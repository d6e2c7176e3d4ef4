// Reads a byte stream to its end, but no further than a cap: a decompression bomb in a link or a
// huge file behind `?src=` stops being read (and allocated) as soon as it passes the cap.

/** All the stream's bytes, or 'too-large' once they pass `cap` (the stream is cancelled there). */
export async function readCapped(reader: ReadableStreamDefaultReader<Uint8Array>, cap: number): Promise<Uint8Array | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
