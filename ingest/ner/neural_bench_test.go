package ner

import (
	"strings"
	"testing"
)

// neuralSentences are news-like sentences of our own, written for the
// neural tagger's benchmark and its reference test: quotations, reporting
// verbs before and after the content, nested clauses, numbers and names,
// already split into tokens as the extractor splits them. A leading ">"
// marks a sentence that starts inside an open quotation.
var neuralSentences = []string{
	`The mayor said the bridge would reopen in spring .`,
	`" We are not going to raise taxes this year , " the finance minister told reporters on Tuesday .`,
	`Officials at the port authority confirmed that three container ships had been delayed by the storm .`,
	`According to the police , the suspect was arrested near the station shortly after midnight .`,
	`" It was the worst flooding I have seen in forty years , " said Margaret Ellis , a farmer from the valley .`,
	`The company 's chief executive , Daniel Okafor , insisted the merger would not cost any jobs .`,
	`Union leaders warned that strikes could spread to other hospitals if talks failed .`,
	`" This is a scandal , " he added .`,
	`A spokesperson for the ministry declined to comment on the report .`,
	`Analysts expect inflation to fall below 3 % by the end of the year , the central bank said in a statement .`,
	`She told the BBC she had " no regrets " about leaving the party .`,
	`The coach admitted his team had played badly , but said they would " fight until the last minute " .`,
	`Residents complained that the new parking rules were confusing and unfair .`,
	`" We welcome the decision , " said a statement from the charity , " but much more needs to be done . "`,
	`Prosecutors alleged that the two men had transferred 4.5 million euros to accounts abroad .`,
	`The prime minister has repeatedly denied that he knew about the payments .`,
	`In an interview published on Sunday , the author described the novel as " a letter to my younger self " .`,
	`> and nobody in the village will forget what happened that night , " she said .`,
	`Scientists at the university reported that the vaccine was 90 % effective in early trials .`,
	`The minister argued that cutting the budget would hurt the poorest families most .`,
	`" I can't comment on an ongoing investigation , " the detective told the court .`,
	`Critics say the plan does little to address the shortage of affordable housing .`,
	`The airline announced on Monday that it would cancel 200 flights because of the strike .`,
	`Witnesses described hearing a loud bang before the building collapsed .`,
	`" There is no evidence of wrongdoing , " the club 's lawyer , Priya Nair , said , adding that it would appeal .`,
	`The report , which was leaked to the Guardian , claims that safety checks were skipped .`,
	`Fans booed as the referee blew the final whistle .`,
	`NASA engineers believe the probe could reach the outer planets by 2031 .`,
	`> We have done everything we could . "`,
	`The president of the federation , speaking after the vote , promised " a new era of transparency " for the sport .`,
	`Local businesses fear the closure of the road will drive customers away , the chamber of commerce said .`,
	`He said : " The voters have spoken , and we must listen . "`,
}

// neuralSentence splits one of neuralSentences into its tokens and whether
// it starts inside a quotation.
func neuralSentence(s string) ([]string, bool) {
	open := strings.HasPrefix(s, "> ")
	return strings.Fields(strings.TrimPrefix(s, "> ")), open
}

// tokenSentence is one test sentence as the tagger takes it.
type tokenSentence struct {
	tokens []string
	open   bool
}

// neuralTokenSentences returns neuralSentences split into tokens, and
// their number of tokens.
func neuralTokenSentences() ([]tokenSentence, int) {
	var sents []tokenSentence
	tokens := 0
	for _, s := range neuralSentences {
		ws, open := neuralSentence(s)
		sents = append(sents, tokenSentence{ws, open})
		tokens += len(ws)
	}
	return sents, tokens
}

// BenchmarkNeuralTag tags neuralSentences with the neural attribution
// tagger, perceptron underneath included, as the extractor calls it;
// tokens/s counts the tokens tagged per second of wall time and, where
// available, tokens/cpu-s per second of CPU time, steadier on a shared
// machine.
func BenchmarkNeuralTag(b *testing.B) {
	n, err := LoadAttributionNeural()
	if err != nil {
		b.Fatal(err)
	}
	sents, tokens := neuralTokenSentences()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for range b.N {
		for _, s := range sents {
			n.QuotedSpans(s.tokens, s.open)
		}
	}
	reportTokens(b, tokens, cpu0)
}

// reportTokens reports tokens tagged per second of wall time and, where
// available, of CPU time since cpu0.
func reportTokens(b *testing.B, tokens int, cpu0 float64) {
	total := float64(tokens) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuSeconds() - cpu0; cpu > 0 && cpu0 > 0 {
		b.ReportMetric(total/cpu, "tokens/cpu-s")
	}
}

// BenchmarkNeuralNetwork is BenchmarkNeuralTag without the perceptron:
// the network alone (features, both LSTMs, emissions, Viterbi) runs on
// every sentence, with the perceptron's tags computed beforehand.
func BenchmarkNeuralNetwork(b *testing.B) {
	n, err := LoadAttributionNeural()
	if err != nil {
		b.Fatal(err)
	}
	sents, tokens := neuralTokenSentences()
	percs := make([][]int, len(sents))
	for i, s := range sents {
		percs[i] = neuralPercTags(n, s.tokens, s.open)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for range b.N {
		for i, s := range sents {
			sc := n.getScratch(len(s.tokens))
			copy(sc.perc, percs[i])
			sc.setOpen(s.open)
			n.tag(sc, s.tokens)
			n.pool.Put(sc)
		}
	}
	reportTokens(b, tokens, cpu0)
}

// neuralPercTags returns the perceptron's tags of tokens as the network
// reads them.
func neuralPercTags(n *Neural, tokens []string, open bool) []int {
	ps := n.perc.getScratch(len(tokens))
	defer n.perc.scratch.Put(ps)
	n.perc.decode(ps, tokens, open)
	tags := make([]int, len(tokens))
	for i, l := range ps.labels {
		tags[i] = n.percTag(l)
	}
	return tags
}
