package dev.retort.operation;

import java.sql.Connection;

/** Where the operations a migration issues go: executed, written as SQL, or collected. */
public interface OperationSink {

  void accept(Operation operation);

  /** The live connection for data migrations; sinks without one throw with the reason. */
  Connection connection();
}
