package io.portcullis.adapters.security.random;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.domain.onetime.OneTimeKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomKeyGeneratorTest {

    private final SecureRandomKeyGenerator generator = new SecureRandomKeyGenerator();

    @Test
    void keysCarry256BitsInUrlSafeCharacters() {
        OneTimeKey key = generator.newKey();
        assertThat(key.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(generator.newKey().value())).isTrue();
        }
    }
}
