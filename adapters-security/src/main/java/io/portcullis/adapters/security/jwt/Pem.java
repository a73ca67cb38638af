package io.portcullis.adapters.security.jwt;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text (RFC 7468): labelled base64 blocks, such as {@code -----BEGIN PRIVATE KEY-----}. */
final class Pem {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    /** One labelled block and its decoded bytes. */
    record Block(String label, byte[] der) {}

    private Pem() {}

    /** Every block of the text, in order; text outside blocks (comments) is ignored. */
    static List<Block> read(String text) {
        var blocks = new ArrayList<Block>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            blocks.add(new Block(matcher.group(1), der));
        }
        return blocks;
    }

    static String write(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
