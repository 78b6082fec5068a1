package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "task")
public class Task {
  public enum State { OPEN, BLOCKED, DONE, ARCHIVED }

  @Id Long id;
  @Enumerated(EnumType.STRING) State state;
}
