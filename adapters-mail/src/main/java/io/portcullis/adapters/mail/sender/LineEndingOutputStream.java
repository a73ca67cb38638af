package io.portcullis.adapters.mail.sender;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes every line ending (CR LF, CR or LF) as the one given. */
final class LineEndingOutputStream extends FilterOutputStream {

    private final byte[] lineEnding;
    private boolean afterCr;

    LineEndingOutputStream(OutputStream out, String lineEnding) {
        super(out);
        this.lineEnding = lineEnding.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\r') {
            out.write(lineEnding);
            afterCr = true;
            return;
        }
        if (b == '\n') {
            if (!afterCr) {
                out.write(lineEnding);
            }
            afterCr = false;
            return;
        }
        afterCr = false;
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                if (i > start) {
                    out.write(bytes, start, i - start);
                    afterCr = false;
                }
                write(bytes[i]);
                start = i + 1;
            }
        }
        if (end > start) {
            out.write(bytes, start, end - start);
            afterCr = false;
        }
    }
}
