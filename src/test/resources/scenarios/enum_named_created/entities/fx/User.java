package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;

@Entity
@Table(name = "users")
public class User {
  public enum Mood { HAPPY, OK, SAD }

  @Id Long id;
  @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) Mood mood;
}
