package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "tasks")
public class Task {
  public enum Priority { HIGH, LOW, MEDIUM }

  @Id Long id;
  @Enumerated(EnumType.ORDINAL) @Column(nullable = false) Priority priority;
}
