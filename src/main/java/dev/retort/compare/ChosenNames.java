package dev.retort.compare;

import java.util.Locale;

/**
 * Whether a constraint or index name was chosen by a person ({@code @ForeignKey(name = ...)},
 * {@code @Index(name = ...)}), as opposed to generated: Hibernate's hashed names ({@code FK9x1...},
 * {@code UKq3...}) and PostgreSQL's defaults ({@code orders_pkey}, {@code orders_email_key}, {@code
 * orders_user_id_fkey}, {@code orders_total_check}, {@code orders_email_idx}, with a digit added
 * when taken). Only a chosen name is worth a rename when the same constraint has another name in
 * the database: a generated one differs between tools and versions without meaning anything.
 */
final class ChosenNames {

  private static final String[] POSTGRES_SUFFIXES = {
    "_pkey", "_key", "_fkey", "_check", "_idx", "_excl", "_not_null"
  };

  private ChosenNames() {}

  static boolean isChosen(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // Hibernate hashes the table and columns into letters and digits after a prefix.
    if (lower.matches("(fk|uk|uc|idx|pk)_?[0-9a-z]{8,}") && containsDigit(lower)) {
      return false;
    }
    String withoutNumber = lower.replaceFirst("[0-9]+$", "");
    for (String suffix : POSTGRES_SUFFIXES) {
      if (withoutNumber.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsDigit(String text) {
    return text.chars().anyMatch(Character::isDigit);
  }
}
