package io.portcullis.adapters.rest.browsable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The script and style sheet of the browsable pages, read once from the class path. Each has a
 * version, a digest of its content, that goes into the URL the pages use: the files can then be
 * cached for a year and a new release is still fetched at once.
 */
final class StaticFiles {

    static final String SCRIPT = "browsable.js";
    static final String STYLE = "browsable.css";

    /** One file: its bytes, media type and version. */
    record File(byte[] content, String mediaType, String version) {
        String etag() {
            return "\"" + version + "\"";
        }
    }

    private static final Map<String, File> FILES = Map.of(
            SCRIPT, load(SCRIPT, "text/javascript; charset=utf-8"),
            STYLE, load(STYLE, "text/css; charset=utf-8"));

    private StaticFiles() {}

    static Optional<File> get(String name) {
        return Optional.ofNullable(FILES.get(name));
    }

    /** The URL of a file under the base path, with its version. */
    static String url(String basePath, String name) {
        return basePath + "/static/" + name + "?v=" + FILES.get(name).version();
    }

    private static File load(String name, String mediaType) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("static/" + name + " is missing from the class path");
            }
            byte[] content = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new File(content, mediaType, HexFormat.of().formatHex(digest, 0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
