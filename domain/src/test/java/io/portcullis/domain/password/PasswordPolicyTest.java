package io.portcullis.domain.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.profile.ProfileSchema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.djangoDefaults();

    private static Optional<PasswordSubject> subjectWithEmail(String email) {
        return Optional.of(PasswordSubject.of(
                Optional.empty(), EmailAddress.parse(email), Profile.EMPTY, ProfileSchema.NONE));
    }

    @Test
    void aStrongPasswordPasses() {
        assertThat(policy.check("Xq7!vLp2#Rt9", subjectWithEmail("alice@example.com"))).isEmpty();
    }

    @Test
    void reportsShortCommonAndNumericInDjangosOrder() {
        assertThat(policy.check("1234567", Optional.empty())).containsExactly(
                "This password is too short. It must contain at least 8 characters.",
                "This password is too common.",
                "This password is entirely numeric.");
    }

    @Test
    void commonPasswordsAreMatchedIgnoringCase() {
        assertThat(policy.check("PassWord123", Optional.empty())).containsExactly("This password is too common.");
    }

    @Test
    void numericButUncommonPasswordIsOnlyNumeric() {
        assertThat(policy.check("9384756102", Optional.empty())).containsExactly("This password is entirely numeric.");
    }

    @Test
    void similarityNeedsASubject() {
        assertThat(policy.check("johnsmith1", Optional.empty())).isEmpty();
        assertThat(policy.check("johnsmith1", subjectWithEmail("johnsmith@example.com")))
                .containsExactly("The password is too similar to the email address.");
    }

    @Test
    void similarityComparesCharacterMultisets() {
        assertThat(AttributeSimilarity.similarity("abcd", "abcd")).isEqualTo(1.0);
        assertThat(AttributeSimilarity.similarity("abcd", "wxyz")).isEqualTo(0.0);
        assertThat(AttributeSimilarity.similarity("aab", "abb")).isCloseTo(2.0 * 2 / 6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theBuiltInListHoldsAtLeastTwentyThousandPasswords() {
        assertThat(CommonPasswords.builtIn().size()).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void minimumLengthCountsCharactersNotBytes() {
        var rule = new MinimumLength(3);
        assertThat(rule.check("\uD83D\uDE00\uD83D\uDE00", Optional.empty())).isPresent();
        assertThat(rule.check("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", Optional.empty())).isEmpty();
        assertThat(new MinimumLength(1).check("", Optional.empty()))
                .contains("This password is too short. It must contain at least 1 character.");
    }

    @Test
    void longPasswordsAreAccepted() {
        assertThat(policy.check("Zx9!".repeat(40), Optional.empty())).isEmpty();
    }
}
