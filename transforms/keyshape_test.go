package transforms

import "testing"

func TestEndsInCoordinate(t *testing.T) {
	for key, want := range map[string]bool{
		"location_lat": true, "location_lng": true, "gps_lon": true, "locationLat": true, "gpsLongitude": true,
		"home-latitude": true, "user.lng": true, "LOCATION_LAT": true, "pos2Lat": true, "start lat": true,
		"lat": false, "Lat": false, "_lat": false, "flat": false, "salon": false, "format": false, "belong": false,
		"plateLatitude": true, "is_flat": false, "altitude": false, "lng_x": false, "x": false, "": false,
	} {
		if got := endsInCoordinate([]byte(key)); got != want {
			t.Errorf("endsInCoordinate(%q) = %v, want %v", key, got, want)
		}
	}
}
