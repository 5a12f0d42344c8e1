package org.downline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NIST SP 800-63B: length and a list of common passwords, not character classes. */
class PasswordsTest {
  @Test
  void lengthNotCompositionDecides() {
    assertThat(Passwords.refusal("correct-horse-battery", "ana")).isNull();
    assertThat(Passwords.refusal("alllowercaseletters", "ana")).isNull(); // no class rules
    assertThat(Passwords.refusal("zażółć gęślą jaźń", "ana")).isNull(); // any characters, spaces included
    assertThat(Passwords.refusal("short1!A", "ana")).isEqualTo("a password needs at least 10 characters");
    assertThat(Passwords.refusal("x".repeat(129), "ana")).isEqualTo("a password has at most 128 characters");
  }

  @Test
  void tenSpacesRepeatsAndRunsAreRefused() {
    assertThat(Passwords.refusal(" ".repeat(10), "ana")).isEqualTo("a password cannot be only spaces");
    assertThat(Passwords.refusal("aaaaaaaaaaaa", "ana")).isEqualTo("a password cannot be one character repeated");
    assertThat(Passwords.refusal("abcdefghijkl", "ana")).isEqualTo("a password cannot be a run of consecutive characters");
    assertThat(Passwords.refusal("9876543210", "ana")).isEqualTo("a password cannot be a run of consecutive characters");
  }

  @Test
  void theUsernameAndCommonPasswordsAreRefused() {
    assertThat(Passwords.refusal("my-name-is-Marta1", "marta")).isEqualTo("a password cannot contain the username");
    assertThat(Passwords.refusal("Password123", "ana")).isEqualTo(
        "this password is on the list of common passwords; choose another");
    assertThat(Passwords.refusal("QWERTYUIOP", "ana")).isEqualTo(
        "this password is on the list of common passwords; choose another");
  }
}
