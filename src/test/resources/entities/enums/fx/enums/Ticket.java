package fx.enums;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "tickets")
public class Ticket {
  public enum Status { NEW, ACTIVE, CLOSED, ARCHIVED }
  public enum Priority { LOW, MEDIUM, HIGH }
  /** Declaration order differs from alphabetical order on purpose. */
  public enum Mood { ZEBRA, APPLE, MANGO }
  public enum Color { RED, GREEN, BLUE }

  @Id Long id;
  @Enumerated(EnumType.STRING) @Column(length = 16) Status status;
  @Enumerated(EnumType.ORDINAL) Priority priority;
  @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;
  @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) @Column(nullable = false) Color color;
}
