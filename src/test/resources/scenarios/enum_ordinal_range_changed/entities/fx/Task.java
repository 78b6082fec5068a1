package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "task")
public class Task {
  public enum Priority { LOW, MID, HIGH, URGENT }

  @Id Long id;
  @Enumerated(EnumType.ORDINAL) Priority priority;
}
