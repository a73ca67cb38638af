package io.portcullis.domain.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Refuses passwords found, ignoring case, in a list of common ones. */
public final class CommonPasswords implements PasswordRule {

    private static final String BUILT_IN = "common-passwords.txt.gz";

    private final Set<String> passwords;

    public CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    /** The list shipped with Portcullis (see common-passwords.NOTICE beside it). */
    public static CommonPasswords builtIn() {
        return Holder.BUILT_IN_LIST;
    }

    /** Reads a gzip-compressed list, one password per line. */
    public static CommonPasswords readGzip(InputStream compressed) {
        var entries = new HashSet<String>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(compressed), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common password list", e);
        }
        return new CommonPasswords(entries);
    }

    public int size() {
        return passwords.size();
    }

    @Override
    public Optional<String> check(String password, Optional<PasswordSubject> subject) {
        return passwords.contains(password.strip().toLowerCase(Locale.ROOT))
                ? Optional.of("This password is too common.")
                : Optional.empty();
    }

    private static final class Holder {
        static final CommonPasswords BUILT_IN_LIST = load();

        private static CommonPasswords load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in common password list is missing from the classpath");
                }
                return readGzip(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
