package org.hms.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(12);

    @ParameterizedTest
    @ValueSource(strings = {
        "correct horse battery staple",
        "Zielona-Herbata-o-7:15",
        "7 lamp posts on Długa street",
        "violet lantern 4k2 tide",
    })
    void passphrasesAreAccepted(String password) {
        assertThat(policy.violations(password, "a.nowak")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "short", "elevenchars"})
    void tooShortOrBlankIsRefused(String password) {
        assertThat(policy.violations(password, "a.nowak")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "passwordpassword", "Password2024!", "!!Sunshine123456", "qwertyuiop123", "1q2w3e4r5t6y",
        "iloveyou1234567", "aaaaaaaaaaaaaa", "abababababab", "123456789012", "HOSPITAL2025!!"
    })
    void commonOrTrivialPasswordsAreRefusedWhateverTheirCaseAndDecoration(String password) {
        assertThat(policy.violations(password, "a.nowak")).anyMatch(m -> m.contains("too common"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.nowak.hospital", "A.NOWAK-2024-xyz", "my name is a.nowak"})
    void theUsernameIsNoPassword(String password) {
        assertThat(policy.violations(password, "a.nowak")).contains("must not be or contain the username");
    }

    @Test
    void moreThanBcryptReadsIsRefused() {
        assertThat(policy.violations("correct horse battery staple ".repeat(3), "a.nowak"))
                .anyMatch(m -> m.contains("72 bytes"));
        // letters beyond ASCII count by their UTF-8 bytes: 58 bytes pass
        assertThat(policy.violations("żółć gęślą jaźń ".repeat(2) + "ąęść", "a.nowak"))
                .noneMatch(m -> m.contains("72"));
    }
}
