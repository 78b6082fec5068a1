package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "item", check = @CheckConstraint(name = "ck_item_price", constraint = "price >= 0"))
public class Item {
  @Id Long id;
  Integer price;
}
