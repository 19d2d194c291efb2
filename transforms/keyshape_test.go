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

func TestEndsInTextWord(t *testing.T) {
	for key, want := range map[string]bool{
		"album_title": true, "albumTitle": true, "ALBUM_TITLE": true, "photo-caption": true, "post.description": true,
		"user comment": true, "app_review": true, "profile_bio": true, "user_notes": true, "search_query": true,
		"v2Caption": true, "error_message": true,
		"title": false, "Title": false, "_title": false, "subtitle": false, "untitled": false, "keynote": false,
		"title_id": false, "captions_count": false, "albumtitle": false, "x": false, "": false, "TitleCase": false,
	} {
		if got := endsInTextWord([]byte(key)); got != want {
			t.Errorf("endsInTextWord(%q) = %v, want %v", key, got, want)
		}
	}
}
