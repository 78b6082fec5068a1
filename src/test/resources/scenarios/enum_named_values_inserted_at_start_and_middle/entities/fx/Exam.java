package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;

@Entity
@Table(name = "exam")
public class Exam {
  public enum Grade { A, B, C1, C2, D, E }

  @Id Long id;
  @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) Grade grade;
}
