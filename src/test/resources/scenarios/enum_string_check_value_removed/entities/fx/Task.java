package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "task")
public class Task {
  public enum State { OPEN, DONE }

  @Id Long id;
  @Enumerated(EnumType.STRING) State state;
}
