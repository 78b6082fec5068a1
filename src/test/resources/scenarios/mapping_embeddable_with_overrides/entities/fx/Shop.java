package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "shop")
public class Shop {
  @Id Long id;
  String name;
  @Embedded
  @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 120))
  @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 60))
  Address billing;
  @Embedded
  @AttributeOverride(name = "street", column = @Column(name = "shipping_street"))
  @AttributeOverride(name = "city", column = @Column(name = "shipping_city"))
  Address shipping;
}
