package io.portcullis.adapters.rest.body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns body bytes into text, refusing what is not valid in the declared charset (UTF-8 unless
 * the Content-Type names another). UTF-8 problems are described in Python's words, which is
 * what a dj-rest-auth client would have seen.
 */
final class TextDecoding {

    /** Bytes that are not text in the expected charset; the message says which and where. */
    static final class Undecodable extends Exception {
        Undecodable(String message) {
            super(message, null, false, false);
        }
    }

    private TextDecoding() {}

    static String decode(byte[] bytes, Optional<String> charsetName) throws Undecodable {
        Charset charset = charset(charsetName);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8(bytes, 0, bytes.length);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Undecodable("the body is not valid " + charset.name());
        }
    }

    static String utf8(byte[] bytes, int from, int to) throws Undecodable {
        int i = from;
        while (i < to) {
            int lead = bytes[i] & 0xff;
            int length = sequenceLength(lead);
            if (length == 0) {
                throw new Undecodable(message(bytes, from, i, i, "invalid start byte"));
            }
            for (int k = 1; k < length; k++) {
                if (i + k >= to) {
                    throw new Undecodable(message(bytes, from, i, i + k - 1, "unexpected end of data"));
                }
                if (!continues(lead, k, bytes[i + k] & 0xff)) {
                    throw new Undecodable(message(bytes, from, i, i + k - 1, "invalid continuation byte"));
                }
            }
            i += length;
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private static Charset charset(Optional<String> name) throws Undecodable {
        if (name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.get().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Undecodable("unknown encoding: " + name.get());
        }
    }

    private static int sequenceLength(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead >= 0xc2 && lead <= 0xdf) {
            return 2;
        }
        if (lead >= 0xe0 && lead <= 0xef) {
            return 3;
        }
        if (lead >= 0xf0 && lead <= 0xf4) {
            return 4;
        }
        return 0;
    }

    /** Whether {@code b} may stand at offset {@code k} of a sequence starting with {@code lead}. */
    private static boolean continues(int lead, int k, int b) {
        if (k == 1) {
            return switch (lead) {
                case 0xe0 -> b >= 0xa0 && b <= 0xbf;
                case 0xed -> b >= 0x80 && b <= 0x9f;
                case 0xf0 -> b >= 0x90 && b <= 0xbf;
                case 0xf4 -> b >= 0x80 && b <= 0x8f;
                default -> b >= 0x80 && b <= 0xbf;
            };
        }
        return b >= 0x80 && b <= 0xbf;
    }

    private static String message(byte[] bytes, int from, int start, int end, String reason) {
        String where = start == end
                ? "byte 0x" + HexFormat.of().toHexDigits(bytes[start]) + " in position " + (start - from)
                : "bytes in position " + (start - from) + "-" + (end - from);
        return "'utf-8' codec can't decode " + where + ": " + reason;
    }
}
