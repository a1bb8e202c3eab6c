module github.com/creatorops/creatorops

go 1.24.0

require (
	github.com/rickb777/date v1.22.0
	github.com/shopspring/decimal v1.6.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/rickb777/plural v1.4.7 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
