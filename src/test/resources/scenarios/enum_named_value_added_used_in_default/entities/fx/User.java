package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;

import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "users")
public class User {
  public enum Mood { HAPPY, NEUTRAL, SAD }

  @Id Long id;
  @ColumnDefault("'NEUTRAL'") @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) Mood mood;
}
