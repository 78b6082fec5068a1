package fx.emb;

import jakarta.persistence.*;

@Embeddable
public class Address {
  @Column(name = "street_line", length = 200, nullable = false) String streetLine;
  @Column(name = "zip_code", length = 10) String zipCode;
  @Embedded Geo geo;
}
