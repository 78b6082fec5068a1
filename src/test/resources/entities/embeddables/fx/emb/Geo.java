package fx.emb;

import jakarta.persistence.Embeddable;

@Embeddable
public class Geo {
  Double lat;
  Double lon;
}
