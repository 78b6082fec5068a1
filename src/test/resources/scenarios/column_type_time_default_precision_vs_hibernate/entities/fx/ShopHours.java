package fx;

import jakarta.persistence.*;
import java.time.LocalTime;

/** Hibernate writes LocalTime as time(0), which drops fractional seconds a plain time keeps. */
@Entity
@Table(name = "shop_hours")
public class ShopHours {
  @Id Long id;
  LocalTime opens;
}
