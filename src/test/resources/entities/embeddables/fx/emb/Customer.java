package fx.emb;

import jakarta.persistence.*;

@Entity
@Table(name = "customers")
public class Customer {
  @Id Long id;
  @Embedded Address home;
  @Embedded
  @AttributeOverride(name = "streetLine", column = @Column(name = "bill_street", length = 120))
  @AttributeOverride(name = "zipCode", column = @Column(name = "bill_zip"))
  @AttributeOverride(name = "geo.lat", column = @Column(name = "bill_lat"))
  @AttributeOverride(name = "geo.lon", column = @Column(name = "bill_lon"))
  Address billing;
}
