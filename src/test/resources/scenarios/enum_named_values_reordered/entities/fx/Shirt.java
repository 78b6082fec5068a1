package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "shirt")
public class Shirt {
  public enum Size { SMALL, MEDIUM, LARGE }

  @Id Long id;
  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) @Column(nullable = false) Size size;
}
