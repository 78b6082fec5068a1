package dev.retort.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Content digests (SHA-256, first 128 bits in hex): for cache keys and content identities. */
public final class Digests {

  private Digests() {}

  /**
   * A digest of some strings, each terminated, so {@code ("ab", "c")} and {@code ("a", "bc")}
   * differ.
   */
  public static String of(Stream<String> parts) {
    MessageDigest digest = sha256();
    parts.forEach(
        part -> {
          digest.update(part.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        });
    return hex(digest.digest());
  }

  /** A digest of some bytes (a file's content), in the same form as {@link #of(Stream)}. */
  public static String of(byte[] content) {
    return hex(sha256().digest(content));
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
