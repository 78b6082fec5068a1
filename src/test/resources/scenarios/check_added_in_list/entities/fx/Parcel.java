package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "parcel")
@Check(name = "ck_parcel_size", constraints = "size_code in ('S','M','L')")
public class Parcel {
  @Id Long id;
  @Column(name = "size_code", length = 2) String sizeCode;
}
