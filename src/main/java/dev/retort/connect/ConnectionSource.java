package dev.retort.connect;

import java.sql.Connection;

/** Where connections to the database come from: a URL, or an application's DataSource. */
public interface ConnectionSource {

  /** A new connection; failures are one-line errors (exit 3) that never show a password. */
  Connection open();

  /** Which database, for messages: {@code user@host:port/db}; never the password. */
  String describe();
}
