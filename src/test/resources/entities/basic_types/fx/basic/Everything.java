package fx.basic;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "everything")
public class Everything {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  UUID uuid;
  @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> attributes;
  @JdbcTypeCode(SqlTypes.JSON) @Column(name = "json_list") List<String> jsonList;
  @JdbcTypeCode(SqlTypes.JSON) @Column(name = "plain_json", columnDefinition = "json") Map<String, Object> plainJson;
  String[] tags;
  @Column(name = "scores") List<Integer> scores;
  BigDecimal amount;
  @Column(precision = 12, scale = 4) BigDecimal rate;
  @Column(name = "created_at") Instant createdAt;
  @Column(name = "local_at") LocalDateTime localAt;
  @Column(name = "offset_at") OffsetDateTime offsetAt;
  LocalDate day;
  @Column(name = "at_time") LocalTime atTime;
  Duration duration;
  boolean active;
  Boolean flag;
  double ratio;
  float small;
  int count;
  Short tiny;
  char initial;
  @Column(length = 40, nullable = false) String name;
  @Column(columnDefinition = "text") String notes;
  byte[] data;
}
