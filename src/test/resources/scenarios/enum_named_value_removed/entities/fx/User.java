package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "users")
public class User {
  public enum Mood { HAPPY, SAD }

  @Id Long id;
  @ColumnDefault("'HAPPY'") @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;
}
