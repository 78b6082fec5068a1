package fx.bad;

import jakarta.persistence.Entity;

@Entity
public class Widget {
  String name;
}
