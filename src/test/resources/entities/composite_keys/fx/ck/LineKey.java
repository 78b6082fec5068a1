package fx.ck;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

@Embeddable
public class LineKey implements Serializable {
  Long orderId;
  Integer lineNo;
}
