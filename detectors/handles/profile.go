package handles

import (
	"bytes"

	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// profile reads the handle in the address of a profile whose path starts
// with the '/' at text[i]: "instagram.com/sarah.c", "tiktok.com/@lucia_88",
// "linkedin.com/in/li-wei-123", "t.me/ivan_p", "venmo.com/u/mike-smith-22",
// "cash.app/$mikesmith", "linktr.ee/sarah.c". The address of a post, a
// search or a page of the platform's own ("instagram.com/p/Cx1…",
// "youtube.com/watch?v=…") holds none.
func profile(text []byte, i int) (start, end int, ok bool) {
	h := i
	for h > 0 && hostChar(text[h-1]) {
		h--
	}
	if h > 0 && text[h-1] == '@' {
		return 0, 0, false // an e-mail address's domain
	}
	host := text[h:i]
	for _, sub := range []string{"www.", "m.", "mobile."} {
		if len(host) > len(sub) && hasFold(host, sub) {
			host = host[len(sub):]
			break
		}
	}
	if !profileHosts.Has(host) {
		return 0, 0, false
	}
	j := i + 1
	if w := segmentEnd(text, j); w < len(text) && text[w] == '/' && beforeHandle.Has(text[j:w]) {
		j = w + 1
	}
	if end, ok := facebookID(text, j); ok && (bytes.EqualFold(host, []byte("facebook.com")) || bytes.EqualFold(host, []byte("fb.com"))) {
		return j + len(facebookIDPath), end, true
	}
	start = j
	if j < len(text) && (text[j] == '@' || text[j] == '$' && bytes.EqualFold(host, []byte("cash.app"))) { // "cash.app/$mikesmith"
		j++
	}
	end, ok = handleEnd(text, j, true)
	if !ok || !plausible(text[j:end]) || start == j && platformPaths.Has(text[j:end]) {
		return 0, 0, false
	}
	return start, end, true
}

// facebookIDPath starts the address of a Facebook profile that has no
// user name, whose number is its handle: "facebook.com/profile.php?id=
// 100012345678901".
const facebookIDPath = "profile.php?id="

// facebookID returns the end of the number of a profile's address at
// text[i], after facebookIDPath.
func facebookID(text []byte, i int) (end int, ok bool) {
	if !hasFold(text[i:], facebookIDPath) {
		return 0, false
	}
	end = i + len(facebookIDPath)
	for end < len(text) && isDigit(text[end]) {
		end++
	}
	return end, end-i-len(facebookIDPath) >= 5
}

func hostChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '.' || c == '-' }

// segmentEnd returns the end of the path segment that starts at text[i].
func segmentEnd(text []byte, i int) int {
	for i < len(text) && (handleChar(text[i]) || text[i] == '-') {
		i++
	}
	return i
}

// hasFold reports whether b starts with prefix, given in lower case, in
// any case.
func hasFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		if b[i]|0x20 != prefix[i] {
			return false
		}
	}
	return true
}

// profileHosts are the platforms whose profiles' addresses hold a handle.
var profileHosts = wordset.New("instagram.com", "instagr.am", "twitter.com", "x.com", "tiktok.com",
	"facebook.com", "fb.com", "fb.me", "t.me", "telegram.me", "vk.com", "youtube.com", "threads.net",
	"threads.com", "snapchat.com", "github.com", "linkedin.com", "weibo.com", "pinterest.com",
	"reddit.com", "twitch.tv", "medium.com", "bsky.app", "behance.net", "dribbble.com", "vimeo.com",
	"soundcloud.com", "flickr.com", "venmo.com", "account.venmo.com", "paypal.me", "cash.app", "linktr.ee",
	"patreon.com", "ko-fi.com", "buymeacoffee.com", "onlyfans.com")

// beforeHandle are the path segments that come before a handle:
// "linkedin.com/in/…", "snapchat.com/add/…", "reddit.com/u/…".
var beforeHandle = wordset.New("in", "add", "u", "user", "c", "channel", "stories", "profile", "people", "photos")

// platformPaths are the path segments of a platform's own pages.
var platformPaths = wordset.New("p", "reel", "reels", "tv", "explore", "watch", "shorts", "hashtag", "i",
	"intent", "share", "search", "home", "login", "signup", "about", "help", "settings", "privacy",
	"legal", "groups", "pages", "events", "results", "playlist", "video", "videos", "tag", "tags",
	"discover", "embed", "direct", "accounts", "messages", "notifications", "feed", "status", "joinchat",
	"s", "r", "t", "topics", "trending", "live", "music", "policies", "terms", "ads", "business", "profile.php")
