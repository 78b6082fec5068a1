package dev.retort.catalog;

/** Reading the catalog failed for a reason that is not the user's (a bug or a server problem). */
public final class CatalogReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CatalogReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
