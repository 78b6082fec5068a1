package dev.retort.connect;

import dev.retort.config.DatabaseUrl;
import java.sql.Connection;

/** Connections to a database given by URL and credentials. */
public record UrlConnections(DatabaseUrl url) implements ConnectionSource {

  @Override
  public Connection open() {
    return Connections.open(url);
  }

  @Override
  public String describe() {
    return url.display();
  }
}
