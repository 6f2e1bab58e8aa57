package rules

// Facts holds the fact rules of one language.
type Facts struct {
	Lang string `yaml:"lang"`
}
