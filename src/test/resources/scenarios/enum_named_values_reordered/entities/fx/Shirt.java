package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;

@Entity
@Table(name = "shirt")
public class Shirt {
  public enum Size { SMALL, MEDIUM, LARGE }

  @Id Long id;
  @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) @Column(nullable = false) Size size;
}
