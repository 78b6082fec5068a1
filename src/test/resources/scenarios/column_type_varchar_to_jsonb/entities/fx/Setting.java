package fx;

import jakarta.persistence.*;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "setting")
public class Setting {
  @Id Long id;
  @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> payload;
}
